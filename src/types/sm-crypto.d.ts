declare module 'sm-crypto' {
  const smCrypto: {
    sm3(input: string | number[], options?: { key: string | number[]; mode?: 'hmac' }): string;
    sm4: {
      encrypt(data: string | number[], key: string | number[], options?: Record<string, unknown>): string;
      decrypt(data: string | number[], key: string | number[], options?: Record<string, unknown>): string;
    };
  };
  export default smCrypto;
}
