package io.berth.executor.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProcessesTest {

  private static final String BOOT = "0e70f071-348b-43ed-8cb9-dfd55aeb3214";
  private static final long NS = 4026531836L;

  /** A directory shaped like procfs: boot id, self, pid 1, and the processes a test adds. */
  @Nested
  class OnAFakeProc {
    @TempDir
    Path proc;

    private HostProcesses processes() throws IOException {
      Files.createDirectories(proc.resolve("sys/kernel/random"));
      Files.writeString(proc.resolve("sys/kernel/random/boot_id"), BOOT + "\n");
      process(1, "init", 'S', 1);
      process(100, "java", 'S', 5000);
      Files.createDirectories(proc.resolve("100/ns"));
      Files.createSymbolicLink(proc.resolve("100/ns/pid"), Path.of("pid:[" + NS + "]"));
      Files.createSymbolicLink(proc.resolve("self"), Path.of("100"));
      return new HostProcesses(proc);
    }

    private void process(long pid, String comm, char state, long startTicks) throws IOException {
      Files.createDirectories(proc.resolve(Long.toString(pid)));
      Files.writeString(proc.resolve(pid + "/stat"), pid + " (" + comm + ") " + state
          + " 1 100 100 0 -1 4194560 2000 0 0 0 12 3 0 0 20 0 30 0 " + startTicks + " 4000000 500 184467 0 0\n");
    }

    private static ProcessIdentity identity(long pid, long startTicks) {
      return new ProcessIdentity(BOOT, NS, pid, startTicks);
    }

    @Test
    void selfIsThePidProcSelfNamesWithItsStartTime() throws IOException {
      assertThat(processes().self()).contains(identity(100, 5000));
    }

    @Test
    void aProcessWithTheSamePidAndStartTimeIsAlive() throws IOException {
      HostProcesses processes = processes();
      process(4242, "java", 'S', 777);

      assertThat(processes.liveness(identity(4242, 777))).isEqualTo(Liveness.ALIVE);
    }

    @Test
    void aFreePidIsGone() throws IOException {
      assertThat(processes().liveness(identity(4242, 777))).isEqualTo(Liveness.GONE);
    }

    @Test
    void aPidThatAnotherProcessTookSinceIsGone() throws IOException {
      HostProcesses processes = processes();
      process(4242, "sleep", 'S', 900);

      assertThat(processes.liveness(identity(4242, 777))).isEqualTo(Liveness.GONE);
    }

    @Test
    void aZombieIsGone() throws IOException {
      HostProcesses processes = processes();
      process(4242, "java", 'Z', 777);

      assertThat(processes.liveness(identity(4242, 777))).isEqualTo(Liveness.GONE);
    }

    @Test
    void aProcessOfAnEarlierBootIsGoneWhateverHasItsPidNow() throws IOException {
      HostProcesses processes = processes();
      process(4242, "java", 'S', 777);

      assertThat(processes.liveness(new ProcessIdentity("11111111-2222", NS, 4242, 777))).isEqualTo(Liveness.GONE);
    }

    @Test
    void aProcessOfAnotherPidNamespaceCannotBeJudged() throws IOException {
      assertThat(processes().liveness(new ProcessIdentity(BOOT, NS + 1, 4242, 777))).isEqualTo(Liveness.UNKNOWN);
    }

    @Test
    void whenProcHidesOtherProcessesNothingCanBeJudged() throws IOException {
      HostProcesses processes = processes();
      Files.delete(proc.resolve("1/stat"));
      Files.delete(proc.resolve("1"));

      assertThat(processes.liveness(identity(4242, 777))).isEqualTo(Liveness.UNKNOWN);
    }

    @Test
    void anUnreadableStatOrBootIdCannotBeJudged() throws IOException {
      HostProcesses processes = processes();
      Files.createDirectories(proc.resolve("4242"));
      Files.writeString(proc.resolve("4242/stat"), "garbage");
      assertThat(processes.liveness(identity(4242, 777))).isEqualTo(Liveness.UNKNOWN);

      Files.delete(proc.resolve("sys/kernel/random/boot_id"));
      assertThat(processes.liveness(identity(4242, 777))).isEqualTo(Liveness.UNKNOWN);
      assertThat(processes.self()).isEmpty();
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() throws IOException {
      HostProcesses processes = processes();
      process(4242, "my (odd) 1 2 3 name)", 'R', 777);

      assertThat(processes.liveness(identity(4242, 777))).isEqualTo(Liveness.ALIVE);
      assertThat(processes.identity(4242)).contains(identity(4242, 777));
    }
  }

  @Nested
  class OnThisHost {
    @Test
    void thisProcessIsItselfAndAlive() {
      assumeThat(Path.of("/proc/self/stat")).exists();
      HostProcesses processes = HostProcesses.system();

      ProcessIdentity self = processes.self().orElseThrow();
      assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(processes.liveness(self)).isEqualTo(Liveness.ALIVE);
    }

    @Test
    void aChildThatWasKilledIsGone() throws Exception {
      assumeThat(Path.of("/proc/self/stat")).exists();
      HostProcesses processes = HostProcesses.system();
      Process child = new ProcessBuilder("sleep", "60").start();
      ProcessIdentity identity = processes.identity(child.pid()).orElseThrow();
      assertThat(processes.liveness(identity)).isEqualTo(Liveness.ALIVE);

      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

      assertThat(processes.liveness(identity)).isEqualTo(Liveness.GONE);
    }
  }
}
