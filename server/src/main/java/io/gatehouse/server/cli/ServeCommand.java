package io.gatehouse.server.cli;

import io.gatehouse.auth.secrets.SecretsException;
import io.gatehouse.auth.store.StoreException;
import io.gatehouse.http.server.ListenerException;
import io.gatehouse.server.config.GatehouseConfig;
import io.gatehouse.server.serve.Gatehouse;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gatehouse serve --config FILE}: runs the listeners the file enables until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the roles the configuration enables; SIGTERM or Ctrl-C drains gracefully.")
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws InterruptedException {
    GatehouseConfig loaded = config.load(spec.commandLine().getErr());
    if (loaded == null) {
      return ExitCodes.USAGE;
    }
    Gatehouse gatehouse;
    try {
      gatehouse = Gatehouse.start(loaded);
    } catch (ListenerException e) {
      throw new CliException(e.getMessage() + " (set " + e.listener() + ".port in " + loaded.file() + " or "
          + "GATEHOUSE_" + e.listener().toUpperCase(java.util.Locale.ROOT) + "_PORT)", e);
    } catch (SecretsException | StoreException e) {
      // A changed master key or an unreachable database: the message says what to do; a stack trace would bury it.
      throw new CliException("the auth service cannot start: " + e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gatehouse.close();
      stopped.countDown();
    }, "gatehouse-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }
}
