import type { AnomalySpec, PatternSpec } from './model';

const CPU = ['RUNNABLE', 'BLOCKED', 'NATIVE'];

/** Recommendation patterns modelled on CodeGuru Profiler's published Java recommendations. */
export const JAVA_PATTERNS: PatternSpec[] = [
  {
    id: 'aws-sdk-service-client-recreation',
    name: 'Recreation of AWS SDK service clients',
    description: 'Your code creates AWS SDK service clients on every request. Building a client loads configuration, credentials and an HTTP connection pool, which is expensive.',
    resolutionSteps: 'Create each service client once (for example as a singleton or a Spring bean) and reuse it; clients are thread safe.',
    targetFrames: [['software.amazon.awssdk.core.client.builder.SdkDefaultClientBuilder.build']],
    thresholdPercent: 0.5,
    countersToAggregate: CPU,
  },
  {
    id: 'jackson-objectmapper-recreation',
    name: 'Recreation of Jackson ObjectMapper',
    description: 'New ObjectMapper instances are created repeatedly. Each one rebuilds its serializer caches.',
    resolutionSteps: 'Share one configured ObjectMapper (or ObjectReader/ObjectWriter) across the application.',
    targetFrames: [['com.fasterxml.jackson.databind.ObjectMapper.<init>']],
    thresholdPercent: 0.5,
    countersToAggregate: CPU,
  },
  {
    id: 'excessive-logging',
    name: 'Excessive time spent in logging',
    description: 'A large share of CPU time goes to writing log lines synchronously to the console.',
    resolutionSteps: 'Lower the log level on hot paths, use parameterized messages and an asynchronous appender.',
    targetFrames: [['org.apache.logging.log4j.spi.AbstractLogger.info']],
    thresholdPercent: 1,
    countersToAggregate: CPU,
  },
];

export const JAVA_ANOMALIES: AnomalySpec[] = [
  {
    frameName: 'com.example.orders.OrderService.placeOrder',
    threadStates: ['RUNNABLE'],
    reason: 'The share of CPU time in this frame grew by 38% compared with the previous week.',
    instances: [
      { id: '5f0e3c2a-6b1d-4c8e-9a7f-2d4b6e8f0a11', startHoursAgo: 50, durationHours: 3, feedback: 'Positive' },
      { id: '8a9b0c1d-2e3f-4a5b-8c7d-9e0f1a2b3c44', startHoursAgo: 6, durationHours: 2 },
    ],
  },
];

export const PYTHON_PATTERNS: PatternSpec[] = [
  {
    id: 'python-json-serialization',
    name: 'Excessive time spent in JSON serialization',
    description: 'Serializing orders with the standard json module takes a noticeable share of request time.',
    resolutionSteps: 'Serialize once per response, avoid re-encoding nested documents, or use a faster encoder.',
    targetFrames: [['json.encoder:JSONEncoder:encode']],
    thresholdPercent: 1,
    countersToAggregate: ['WALL_TIME'],
  },
];
