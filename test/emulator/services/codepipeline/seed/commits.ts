// Realistic commit histories for the demo's source repositories.
import type { Random } from '../../../core/random';
import type { Commit } from '../model/source-repo';

export type RepoKind = 'web' | 'api' | 'java' | 'infra' | 'data' | 'docs';

const AUTHORS = [
  'Priya Raman <priya.raman@acme.example>',
  'Marcus Chen <marcus.chen@acme.example>',
  'Sofia Alvarez <sofia.alvarez@acme.example>',
  'Tomasz Nowak <tomasz.nowak@acme.example>',
  'Aisha Okafor <aisha.okafor@acme.example>',
  'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
];

const MESSAGES: Record<RepoKind, string[]> = {
  web: [
    'Fix cart badge count after removing the last item',
    'feat(checkout): show delivery slots for grocery orders',
    'Lazy-load product images below the fold',
    'Merge pull request #482 from acme-retail/fix/coupon-rounding\n\nRound coupon discounts half-even',
    'Bump vite from 5.4.8 to 5.4.11',
    'chore: migrate catalog search to the v2 API',
    'Add skeleton loaders to the order history page',
    'fix(a11y): label the quantity stepper buttons',
    'Cache the header navigation for 5 minutes',
    'Track add-to-cart events with the new analytics SDK',
  ],
  api: [
    'Reject refunds larger than the captured amount',
    'Add Idempotency-Key support to POST /charges',
    'fix: retry webhook delivery with exponential backoff',
    'Bump @aws-sdk/client-dynamodb to 3.658.1',
    'Merge pull request #219 from acme-retail/feature/partial-refunds\n\nRecord partial refunds per line item',
    'Log the acquirer response code on declined charges',
    'refactor: split the charge service into capture and authorise',
    'Verify webhook signatures with the rotated secret',
  ],
  java: [
    'Apply volume discounts per order line',
    'Upgrade to Spring Boot 3.3.5',
    'OrderTotals: use BigDecimal for tax rounding',
    'Add an index on orders(customer_id, created_at)',
    'Merge pull request #1043 from acme-retail/feature/split-shipments\n\nSplit shipments across warehouses',
    'Expose /actuator/health/readiness for the ALB',
    'Fix flaky OrderEventsIT by awaiting the outbox',
  ],
  infra: [
    'Add VPC endpoints for ECR and CloudWatch Logs',
    'Tighten the ALB security group to the CloudFront prefix list',
    'feat: second NAT gateway in us-east-1c',
    'Enable flow logs for the shared VPC',
    'Bump aws-cdk-lib to 2.164.1',
  ],
  data: [
    'Dedupe late-arriving events by (order_id, event_ts)',
    'Partition the clickstream table by day',
    'Add a Glue job for the returns feed',
    'Retrain the ranking model on 90 days of data',
    'fix: handle empty partitions in the compaction job',
    'Pin pyarrow to 17.0.0',
  ],
  docs: [
    'Document the new refund limits',
    'Fix broken links in the API reference',
    'Add a quick start for the mobile SDK',
    'Update the architecture diagram',
  ],
};

export function makeCommit(rng: Random, kind: RepoKind, date: number, message?: string, id?: string): Commit {
  return {
    id: id ?? rng.hex(40),
    message: message ?? rng.pick(MESSAGES[kind]),
    author: rng.pick(AUTHORS),
    date,
  };
}

/** An S3 object version id, e.g. `Wqg5tmMnIF1nEhdD3ZbUYVaUjdv7Kf_q`. */
export function s3VersionId(rng: Random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[rng.int(0, chars.length - 1)];
  return s;
}
