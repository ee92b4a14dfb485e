package io.cairn.node.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Node logging: one line per event to stdout and to a rotating file {@code <datadir>/logs/node.log}
 * (10 MB per file, 7 files kept). Netty and RocksDB chatter is kept at WARN.
 */
public final class Logging {
  private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %-10logger{0} %msg%n";

  private Logging() {}

  public static void configure(Path dataDir, String level, boolean toFile) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    Logger cairn = ctx.getLogger("io.cairn");
    cairn.setLevel(parseLevel(level));

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(ctx);
    console.setName("console");
    console.setEncoder(encoder(ctx));
    console.start();
    root.addAppender(console);

    if (toFile) {
      RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
      file.setContext(ctx);
      file.setName("file");
      file.setFile(dataDir.resolve("logs").resolve("node.log").toString());
      SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
      policy.setContext(ctx);
      policy.setParent(file);
      policy.setFileNamePattern(dataDir.resolve("logs").resolve("node.%d{yyyy-MM-dd}.%i.log.gz").toString());
      policy.setMaxFileSize(FileSize.valueOf("10MB"));
      policy.setMaxHistory(7);
      policy.start();
      file.setRollingPolicy(policy);
      file.setEncoder(encoder(ctx));
      file.start();
      root.addAppender(file);
    }
  }

  /** Parses trace|debug|info|warn|error; IllegalArgumentException otherwise. */
  public static Level parseLevel(String level) {
    String l = level == null ? "info" : level.toLowerCase(Locale.ROOT);
    return switch (l) {
      case "trace" -> Level.TRACE;
      case "debug" -> Level.DEBUG;
      case "info" -> Level.INFO;
      case "warn" -> Level.WARN;
      case "error" -> Level.ERROR;
      default -> throw new IllegalArgumentException("--log-level must be trace, debug, info, warn or error, not '" + level + "'");
    };
  }

  private static PatternLayoutEncoder encoder(LoggerContext ctx) {
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern(PATTERN);
    enc.start();
    return enc;
  }
}
