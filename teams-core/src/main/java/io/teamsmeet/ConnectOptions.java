package io.teamsmeet;

import java.util.Optional;

/**
 * Optional hints for the sign-in page that {@code beginConnect} sends the user to. Immutable and
 * thread-safe; its {@link Builder} is not.
 *
 * <pre>{@code
 * URI url = service.beginConnect(userId, ConnectOptions.builder()
 *     .loginHint("ana@contoso.com")
 *     .prompt(ConnectOptions.Prompt.SELECT_ACCOUNT)
 *     .build());
 * }</pre>
 *
 * @param loginHint pre-fills the user name
 * @param domainHint skips home-realm discovery (a tenant id or verified domain)
 * @param prompt forces a kind of interaction
 */
public record ConnectOptions(
    Optional<String> loginHint, Optional<String> domainHint, Optional<Prompt> prompt) {

  /** The identity platform's {@code prompt} values. Immutable and thread-safe. */
  public enum Prompt {
    /** Always ask for credentials. */
    LOGIN("login"),
    /** Always show the consent screen. */
    CONSENT("consent"),
    /** Let the user pick among signed-in accounts. */
    SELECT_ACCOUNT("select_account"),
    /**
     * No interaction at all: succeeds only with an existing session and consent, otherwise the
     * callback carries {@code interaction_required} or {@code login_required}.
     */
    NONE("none");

    private final String value;

    Prompt(String value) {
      this.value = value;
    }

    /** The wire value. */
    public String value() {
      return value;
    }
  }

  /** Replaces null components with empty optionals. */
  public ConnectOptions {
    loginHint = loginHint == null ? Optional.empty() : loginHint;
    domainHint = domainHint == null ? Optional.empty() : domainHint;
    prompt = prompt == null ? Optional.empty() : prompt;
  }

  /** No hints. */
  public static ConnectOptions none() {
    return new ConnectOptions(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Starts a builder with no hints. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ConnectOptions}. Not thread-safe. */
  public static final class Builder {
    private String loginHint;
    private String domainHint;
    private Prompt prompt;

    private Builder() {}

    /** Pre-fills the user name; not blank. */
    public Builder loginHint(String value) {
      this.loginHint = requireText(value, "loginHint");
      return this;
    }

    /** Skips home-realm discovery; not blank. */
    public Builder domainHint(String value) {
      this.domainHint = requireText(value, "domainHint");
      return this;
    }

    /** Forces a kind of interaction. */
    public Builder prompt(Prompt value) {
      if (value == null) {
        throw new IllegalArgumentException("prompt must not be null");
      }
      this.prompt = value;
      return this;
    }

    private static String requireText(String value, String field) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(field + " must not be null or blank");
      }
      return value;
    }

    /** Builds the options. */
    public ConnectOptions build() {
      return new ConnectOptions(
          Optional.ofNullable(loginHint),
          Optional.ofNullable(domainHint),
          Optional.ofNullable(prompt));
    }
  }
}
