package io.berth.scheduler.cluster.mesos;

import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK HTTP clients and threads of {@link MesosClient}: HTTP/1.1 only, redirects never followed. */
final class MesosHttp {
  private MesosHttp() {}

  static HttpClient client(MesosClientSettings settings, Executor executor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(settings.connectTimeout())
        .executor(executor)
        .build();
  }

  /** Daemon threads named {@code name-1}, {@code name-2}, ... */
  static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Up to four daemon threads; idle ones end after 30 s. */
  static ExecutorService pool(String name) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads(name));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
