package org.nuanxin.rules;

/** A yes/no fact that may be unknown. */
public final class Flag extends Field<Boolean> {

    public Flag(String name, Boolean value) {
        super(name, value);
    }

    /** Known to be yes. */
    public Truth isTrue() {
        return test(Boolean.TRUE.equals(value()));
    }

    /** Known to be no. */
    public Truth isFalse() {
        return test(Boolean.FALSE.equals(value()));
    }
}
