package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void showsTheTimeTakenAndIsErasedByTheFirstOutput() {
    StringWriter screen = new StringWriter();
    PrintWriter err = new PrintWriter(screen);
    AtomicLong nanos = new AtomicLong();
    Progress progress = new Progress(err, nanos::get, false);
    PrintWriter out = progress.guard(err);

    progress.start("posture assess");
    nanos.set(1_200_000_000L);
    progress.tick();
    nanos.set(2_500_000_000L);
    progress.tick();
    out.print("result");
    out.flush();
    progress.tick();

    String blank = " ".repeat("posture assess: working… 2.5s".length());
    assertThat(screen.toString()).isEqualTo(
        "\rposture assess: working… 1.2s\rposture assess: working… 2.5s\r" + blank + "\rresult");
  }

  @Test
  void withoutATerminalNothingIsShownAndWritersAreLeftAlone() {
    PrintWriter err = new PrintWriter(new StringWriter());

    assertThat(Progress.NONE.guard(err)).isSameAs(err);
  }
}
