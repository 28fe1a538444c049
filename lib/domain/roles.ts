// The operator roles, without zod: the console lists them (user forms, menus) in its first-load JavaScript.
export const ROLES = ['guard', 'admin', 'manager'] as const
