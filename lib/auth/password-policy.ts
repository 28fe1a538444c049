// Password rules the browser may show too: kept apart from the Argon2 binding, which only runs on the server.
export const MIN_PASSWORD_LENGTH = 10
