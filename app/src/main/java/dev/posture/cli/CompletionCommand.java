package dev.posture.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    description = {
      "Print a script that completes posture's commands and options in bash or zsh.",
      "The script is the same for both shells: under zsh it loads bashcompinit itself."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(posture completion bash)",
      "  posture completion bash > ~/.local/share/bash-completion/completions/posture",
      "  posture completion zsh > ~/.posture-completion.zsh   # then source it from ~/.zshrc",
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells the script works in. */
  enum Shell { bash, zsh }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    return ExitCode.OK;
  }
}
