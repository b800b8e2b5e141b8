package dev.posture.catalog;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** How an action is decided from a snapshot. */
public sealed interface Check permits Check.Binary, Check.Coverage, Check.Configuration, Check.MicrosoftOnly {

  /** When true, the action gets its full points whatever the rest of the check says. */
  Optional<Expression> satisfiedBy();

  /**
   * The snapshot sections the check may read, its collection included; {@code satisfiedBy}'s are left
   * out. A check that cannot be decided because one of them was not seen is Not assessed rather than
   * an Error; one that is decided without it (a short-circuit) stands.
   */
  Set<String> sections();

  /** The large collection the check counts over, when it counts over one: without it, nothing is decided. */
  default Optional<Collection> collection() {
    return Optional.empty();
  }

  /** All points or none. */
  record Binary(Expression passes, Optional<Expression> satisfiedBy) implements Check {
    @Override
    public Set<String> sections() {
      return passes.sections();
    }
  }

  /**
   * Points in proportion to the elements covered: maxScore x covered / eligible, where eligible are
   * the elements of {@code of} matching {@code where} (all when absent).
   */
  record Coverage(Collection of, Optional<Expression> where, Expression covered, Optional<Expression> satisfiedBy)
      implements Check {
    @Override
    public Set<String> sections() {
      Set<String> sections = new LinkedHashSet<>();
      sections.add(of.section());
      where.ifPresent(w -> sections.addAll(w.sections()));
      sections.addAll(covered.sections());
      return sections;
    }

    @Override
    public Optional<Collection> collection() {
      return Optional.of(of);
    }
  }

  /**
   * A Defender for Endpoint secure configuration, e.g. {@code scid-2090}: eligible are the devices it
   * applies to, covered those that comply, as the devices' {@code secureConfigurations} list them.
   */
  record Configuration(String configurationId, Optional<Expression> satisfiedBy) implements Check {
    @Override
    public Set<String> sections() {
      return Set.of(Collection.DEVICES.section());
    }

    @Override
    public Optional<Collection> collection() {
      return Optional.of(Collection.DEVICES);
    }
  }

  /**
   * No Microsoft API gives posture the data, so only Microsoft's Secure Score can decide the action.
   *
   * @param reason why, for the user
   */
  record MicrosoftOnly(String reason) implements Check {
    @Override
    public Optional<Expression> satisfiedBy() {
      return Optional.empty();
    }

    @Override
    public Set<String> sections() {
      return Set.of();
    }
  }
}
