// @peculiar/x509's dependency injection (tsyringe) needs Reflect metadata before it loads: every module of the
// certificate parser takes x509 from here, so the polyfill always comes first.
import '@abraham/reflection';

export * as x509 from '@peculiar/x509';
