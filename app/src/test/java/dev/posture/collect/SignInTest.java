package dev.posture.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** azure-identity as the jar ships it (no Netty, no on-disk token cache): every sign-in method builds. */
class SignInTest {
  @TempDir Path temp;

  @Test
  void everyMethodBuildsItsCredential() throws IOException {
    Path token = Files.writeString(temp.resolve("federated"), "eyJ.fake.token");
    for (SignIn.Method m : SignIn.Method.values()) {
      // builders check their options and load their classes; no request goes out until a token is asked for
      SignIn.Options o = new SignIn.Options(m, FakeMicrosoft.TENANT_ID, "app-id", "secret", temp.resolve("app.pem"), null, token);
      assertThat(SignIn.of(o, Cloud.USGOV_HIGH, msg -> {}).delegated()).as(m.name())
          .isEqualTo(m == SignIn.Method.DEVICE_CODE || m == SignIn.Method.AZURE_CLI);
    }
  }
}
