package io.cairn.testnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine line: CPU model, cores, memory, JDK, and the load average when asked. */
final class Machine {
  private Machine() {}

  static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch") + " (model unknown)";
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  static String memory() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
          return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return "unknown";
  }

  static String jdk() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  /** The 1-minute load average, or -1. */
  static double load() {
    try {
      List<String> l = Files.readAllLines(Path.of("/proc/loadavg"));
      return Double.parseDouble(l.get(0).split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static String line() {
    return cpuModel() + ", " + cores() + " cores, " + memory() + " memory, " + jdk();
  }
}
