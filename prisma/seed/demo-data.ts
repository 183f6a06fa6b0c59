/** The demo district: one procuratorate and one court, their departments and people (invented names). */
import type { InstitutionSpec } from './builders';
import type { Role } from '@/lib/domain/roles';

export const DEMO_PASSWORD = 'Liaison-demo-2026';

export const PROCURATORATE: InstitutionSpec = {
  code: '城中检',
  kind: 'PROCURATORATE',
  name: '城中区人民检察院',
  nameEn: 'Chengzhong District People’s Procuratorate',
  regionCode: '630103',
};

export const COURT: InstitutionSpec = {
  code: '青0103',
  kind: 'COURT',
  name: '城中区人民法院',
  nameEn: 'Chengzhong District People’s Court',
  regionCode: '630103',
};

export const PROCURATORATE_DEPARTMENTS = [
  { key: 'leadership', name: '院领导', nameEn: 'Leadership' },
  { key: 'civil-admin-supervision', name: '民事行政检察部', nameEn: 'Civil and Administrative Supervision' },
  { key: 'enforcement-supervision', name: '执行监督检察部', nameEn: 'Enforcement Supervision' },
  { key: 'case-management', name: '案件管理部', nameEn: 'Case Management' },
] as const;

export const COURT_DEPARTMENTS = [
  { key: 'leadership', name: '院领导', nameEn: 'Leadership' },
  { key: 'civil-division', name: '民事审判庭', nameEn: 'Civil Division' },
  { key: 'administrative-division', name: '行政审判庭', nameEn: 'Administrative Division' },
  { key: 'enforcement-bureau', name: '执行局', nameEn: 'Enforcement Bureau' },
  { key: 'committee-office', name: '审判委员会办公室', nameEn: 'Adjudication Committee Office' },
] as const;

export interface DemoUser {
  username: string;
  name: string;
  role: Role;
  title: string;
  side: 'procuratorate' | 'court';
  department: string | null;
  active?: boolean;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'zhao.mingyuan', name: '赵明远', role: 'PROCURATORATE_LEADER', title: '检察长', side: 'procuratorate', department: 'leadership' },
  { username: 'qian.hui', name: '钱慧', role: 'PROCURATORATE_LEADER', title: '副检察长', side: 'procuratorate', department: 'leadership' },
  { username: 'sun.lixin', name: '孙立新', role: 'PROCURATORATE_LEADER', title: '部门负责人', side: 'procuratorate', department: 'civil-admin-supervision' },
  { username: 'li.wen', name: '李文', role: 'PROCURATOR', title: '检察官', side: 'procuratorate', department: 'civil-admin-supervision' },
  { username: 'wu.yating', name: '吴雅婷', role: 'PROCURATOR', title: '检察官', side: 'procuratorate', department: 'civil-admin-supervision' },
  { username: 'zhou.hao', name: '周浩', role: 'PROCURATOR', title: '检察官', side: 'procuratorate', department: 'enforcement-supervision' },
  { username: 'zheng.lan', name: '郑兰', role: 'PROCURATOR', title: '检察官助理', side: 'procuratorate', department: 'case-management' },
  { username: 'admin', name: '冯晓', role: 'ADMIN', title: '系统管理员', side: 'procuratorate', department: 'case-management' },
  { username: 'wang.jianguo', name: '王建国', role: 'COURT_LEADER', title: '院长', side: 'court', department: 'leadership' },
  { username: 'he.min', name: '何敏', role: 'COURT_LEADER', title: '副院长', side: 'court', department: 'leadership' },
  { username: 'chen.zhiqiang', name: '陈志强', role: 'COURT_LEADER', title: '民事审判庭庭长', side: 'court', department: 'civil-division' },
  { username: 'lin.xue', name: '林雪', role: 'COURT_STAFF', title: '审判员', side: 'court', department: 'civil-division' },
  { username: 'yang.fan', name: '杨帆', role: 'COURT_STAFF', title: '审判员', side: 'court', department: 'administrative-division' },
  { username: 'xu.jing', name: '徐静', role: 'COURT_STAFF', title: '书记员', side: 'court', department: 'committee-office' },
  { username: 'jiang.tao', name: '蒋涛', role: 'COURT_STAFF', title: '执行员', side: 'court', department: 'enforcement-bureau' },
  { username: 'ma.retired', name: '马建设', role: 'PROCURATOR', title: '检察官（已调离）', side: 'procuratorate', department: 'civil-admin-supervision', active: false },
];
