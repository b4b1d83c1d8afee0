/** Default pool entries shared by several templates. */

/** A well-formed sha256 digest for example references; it names no real image. */
export const EXAMPLE_DIGEST = 'sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45';

/**
 * Image references that cover every default pull-policy rule: no tag, `:latest`, another tag, a
 * digest alone, a digest with `:latest` or another tag, a registry port without a tag, and a
 * Docker Hub namespace that looks like a registry.
 */
export const POLICY_IMAGES: readonly string[] = [
  'nginx',
  'nginx:latest',
  'nginx:1.27',
  'redis:7.4-alpine',
  'bitnami/redis',
  'myreg/app:2.0',
  'myreg/app',
  'registry.example.com/team/api',
  'registry.example.com:5000/team/api:1.4',
  'localhost:5000/app',
  'localhost:5000/app:latest',
  'ghcr.io/acme/web:latest',
  'quay.io/prometheus/node-exporter:v1.8.2',
  `app@${EXAMPLE_DIGEST}`,
  `app:1.2@${EXAMPLE_DIGEST}`,
  `app:latest@${EXAMPLE_DIGEST}`,
];
