/** The maintenance module's public face: operator commands over stored data (re-encryption). */
export * from './reencrypt-personal-data';
