/**
 * @peculiar/x509 for the test PKI. The library's dependency injection (tsyringe) needs a Reflect metadata
 * polyfill loaded before it: import x509 through this module only.
 */
import '@abraham/reflection';

export * from '@peculiar/x509';
