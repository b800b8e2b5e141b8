package dev.posture.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.posture.snapshot.DirectoryRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditorsTest {
  private static List<DirectoryRole> roles(String role, String member) {
    return List.of(new DirectoryRole(role, List.of(member)), new DirectoryRole("Global Reader", List.of("reader@x.com")));
  }

  @Test
  void readAndWriteRolesMayEdit() {
    for (String role : List.of("Global Administrator", "Company Administrator", "Security Administrator", "Exchange Administrator",
        "SharePoint Administrator", "Account Administrator", "security administrator")) {
      assertThat(Editors.refusal("a@x.com", roles(role, "A@X.com"))).as(role).isEmpty();
    }
  }

  @Test
  void readOnlyRolesAreRefusedNamingTheRolesThatWould() {
    for (String role : List.of("Helpdesk Administrator", "User Administrator", "Service Administrator", "Security Reader",
        "Security Operator", "Global Reader")) {
      assertThat(Editors.refusal("a@x.com", roles(role, "a@x.com"))).as(role).contains("a@x.com holds " + role
          + ", which can only read; recording decisions needs one of: Global Administrator, Security Administrator, Exchange Administrator,"
          + " SharePoint Administrator, Account Administrator");
    }
  }

  @Test
  void anActorWithoutARoleIsRefused() {
    assertThat(Editors.refusal("who@x.com", roles("Global Administrator", "a@x.com")))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("who@x.com holds no directory role in the snapshot; "));
  }

  @Test
  void oneWriteRoleAmongReadOnlyOnesIsEnough() {
    List<DirectoryRole> roles = List.of(new DirectoryRole("Global Reader", List.of("a@x.com")),
        new DirectoryRole("Exchange Administrator", List.of("a@x.com")));

    assertThat(Editors.refusal("a@x.com", roles)).isEmpty();
  }
}
