package dev.posture.catalog;

import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;

/**
 * CEL's runtime, which makes programs of checked expressions: one per process, as it is immutable and
 * the same for every catalogue. Building it (the descriptors of protobuf's well-known types, the
 * dispatch table of the standard functions) is the largest part of loading a cached catalogue, so a
 * command may have it built on another core while it reads its command line and its inputs
 * ({@link CatalogLoader#prepare}).
 */
final class CheckRuntime {
  private CheckRuntime() {}

  /** The runtime, built on first use; a caller that comes while another thread builds it waits for it. */
  static CelRuntime get() {
    return Built.RUNTIME;
  }

  /** Holds the runtime: the JVM builds it once, when the class is first used, whatever the threads. */
  private static final class Built {
    static final CelRuntime RUNTIME = build();
  }

  /** Its {@code matches} is posture's, which bounds and keeps the patterns it compiles (CEL's compiles the pattern anew for every element, and only then looks at its size). */
  private static CelRuntime build() {
    return CelRuntimeFactory.standardCelRuntimeBuilder()
        .setOptions(CelCompiler.OPTIONS)
        .setStandardEnvironmentEnabled(false)
        .setStandardFunctions(CelStandardFunctions.newBuilder()
            .excludeFunctions(CelStandardFunctions.StandardFunction.MATCHES)
            .build())
        .addFunctionBindings(
            CelFunctionBinding.from("matches", String.class, String.class, Regexes::matches),
            CelFunctionBinding.from("matches_string", String.class, String.class, Regexes::matches),
            ConditionalAccess.BINDING)
        .build();
  }
}
