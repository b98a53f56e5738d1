// Limits the auth pages state in their hints, apart from the schemas so that a page needs no zod
// to say them (auth-schemas re-exports them).

/** Fewest characters a new password may have (NIST SP 800-63B asks for at least 8). */
export const PASSWORD_MIN = 8;
/** Most characters any password field takes: well above the 64 NIST asks us to allow. */
export const PASSWORD_MAX = 128;
/** Longest email address SMTP allows. */
export const EMAIL_MAX = 254;
