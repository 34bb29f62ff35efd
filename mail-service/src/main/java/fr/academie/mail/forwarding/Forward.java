package fr.academie.mail.forwarding;

/**
 * A forward in a person's rules: the rule it belongs to (its name; "" without one), the address, whether a copy is
 * kept in the mailbox ({@code redirect :copy}), whether the rule is on, and the script line.
 */
public record Forward(String rule, String address, boolean copy, boolean enabled, int line) {
}
