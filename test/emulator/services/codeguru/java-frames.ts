/** Frame vocabulary of the generated Java service: thread roots, app code and library tails. */

export type ThreadState = 'RUNNABLE' | 'BLOCKED' | 'NATIVE' | 'WAITING' | 'TIMED_WAITING' | 'IDLE';

export const THREAD_STATES: ThreadState[] = ['RUNNABLE', 'BLOCKED', 'NATIVE', 'WAITING', 'TIMED_WAITING', 'IDLE'];

const WORKER = [
  'java.lang.Thread.run',
  'java.util.concurrent.ThreadPoolExecutor$Worker.run',
  'java.util.concurrent.ThreadPoolExecutor.runWorker',
];

export const ROOTS: { frames: string[]; weight: number }[] = [
  {
    weight: 6,
    frames: [
      ...WORKER,
      'org.apache.tomcat.util.net.SocketProcessorBase.run',
      'org.apache.coyote.http11.Http11Processor.service',
      'org.apache.catalina.core.StandardWrapperValve.invoke',
      'org.springframework.web.servlet.DispatcherServlet.doDispatch',
      'org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal',
    ],
  },
  { weight: 2, frames: [...WORKER, 'java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run'] },
  { weight: 1, frames: [...WORKER, 'software.amazon.awssdk.services.sqs.internal.ReceiveQueueBuffer$ReceiveMessageBatchTask.run'] },
];

/** Library code at the end of a stack, with the thread state its samples are counted in. */
export const TAILS: { frames: string[]; state: ThreadState; weight: number }[] = [
  { weight: 10, state: 'RUNNABLE', frames: [] },
  { weight: 3, state: 'RUNNABLE', frames: ['com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString', 'com.fasterxml.jackson.core.json.WriterBasedJsonGenerator.writeString'] },
  { weight: 1, state: 'RUNNABLE', frames: ['com.fasterxml.jackson.databind.ObjectMapper.<init>', 'com.fasterxml.jackson.databind.cfg.BaseSettings.<init>'] },
  { weight: 2, state: 'RUNNABLE', frames: ['software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClientBuilder.build', 'software.amazon.awssdk.core.client.builder.SdkDefaultClientBuilder.build'] },
  { weight: 4, state: 'NATIVE', frames: ['org.postgresql.jdbc.PgPreparedStatement.executeQuery', 'org.postgresql.core.v3.QueryExecutorImpl.execute', 'java.net.SocketInputStream.socketRead0'] },
  { weight: 3, state: 'NATIVE', frames: ['software.amazon.awssdk.core.internal.http.pipeline.stages.MakeHttpRequestStage.execute', 'org.apache.http.impl.io.SessionInputBufferImpl.fillBuffer', 'java.net.SocketInputStream.socketRead0'] },
  { weight: 2, state: 'NATIVE', frames: ['org.apache.logging.log4j.spi.AbstractLogger.info', 'org.apache.logging.log4j.core.appender.ConsoleAppender.append', 'java.io.FileOutputStream.writeBytes'] },
  { weight: 2, state: 'TIMED_WAITING', frames: ['com.zaxxer.hikari.HikariDataSource.getConnection', 'com.zaxxer.hikari.pool.HikariPool.getConnection', 'java.util.concurrent.SynchronousQueue.poll', 'jdk.internal.misc.Unsafe.park'] },
  { weight: 2, state: 'BLOCKED', frames: ['java.util.concurrent.locks.ReentrantLock.lock', 'java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire'] },
  { weight: 1, state: 'WAITING', frames: ['java.util.concurrent.CompletableFuture.join', 'java.util.concurrent.CompletableFuture.waitingGet', 'java.util.concurrent.locks.LockSupport.park', 'jdk.internal.misc.Unsafe.park'] },
];

/** Idle pool threads waiting for work. */
export const IDLE_STACK = [...WORKER, 'java.util.concurrent.ThreadPoolExecutor.getTask', 'java.util.concurrent.LinkedBlockingQueue.take', 'jdk.internal.misc.Unsafe.park'];

export const PACKAGES = ['orders', 'payments', 'inventory', 'shipping', 'customers', 'pricing', 'catalog', 'notifications'];
const NOUN: Record<string, string> = {
  orders: 'Order', payments: 'Payment', inventory: 'Stock', shipping: 'Shipment', customers: 'Customer', pricing: 'Price', catalog: 'Product', notifications: 'Notification',
};
const ROLES = ['Service', 'Repository', 'Controller', 'Mapper', 'Validator', 'Client', 'Cache', 'EventPublisher', 'Scheduler', 'Handler'];
const METHODS = ['placeOrder', 'validate', 'findById', 'save', 'publish', 'calculate', 'load', 'refresh', 'handle', 'process', 'toDto', 'fromEntity', 'check', 'apply', 'lookup', 'enrich'];

/** Every app frame: `com.example.<pkg>.<Class>.<method>` plus inner-class lambdas like `OrderService$Validator.lambda$check$0`. */
export function appFrames(): string[] {
  const frames: string[] = [];
  for (const pkg of PACKAGES) {
    const noun = NOUN[pkg] ?? 'Thing';
    for (const role of ROLES) {
      const cls = `com.example.${pkg}.${noun}${role}`;
      for (const method of METHODS) frames.push(`${cls}.${method}`);
      frames.push(`${cls}$Validator.lambda$check$0`, `${cls}$Loader.lambda$load$1`);
    }
  }
  return frames;
}
