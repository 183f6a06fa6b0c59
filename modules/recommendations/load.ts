export { loadOrForbid } from '@/lib/web/forbid';
