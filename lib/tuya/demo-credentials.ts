// Credentials of the built-in Tuya Cloud simulator's demo project. Used only when no real cloud is configured;
// they have the lengths of real ones (20-char Access ID, 32-char Access Secret) so every algorithm runs unchanged.
export const DEMO_TUYA_ACCESS_ID = 'simdemo7k3p9x2q4w8mz'
export const DEMO_TUYA_ACCESS_SECRET = 'f3b1c9e27a4d48c6b05e9d1a7c2f8e63'
export const DEFAULT_SIM_PORT = 4100
