/** The administrator's accounts list in the URL: pages only (see ./define). */
import { defineList } from './define';

export const userList = defineList('/admin/users', {});
