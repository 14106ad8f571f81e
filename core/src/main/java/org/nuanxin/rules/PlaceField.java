package org.nuanxin.rules;

import org.nuanxin.model.Place;

/** A place that may be unknown; places compare by containment (Cixi is within Ningbo and Zhejiang). */
public final class PlaceField extends Field<Place> {

    public PlaceField(String name, Place value) {
        super(name, value);
    }

    /** The place is {@code area} or lies inside it. */
    public Truth within(Place area) {
        return test(value() != null && value().isWithin(area));
    }

    /** The place is known and lies outside {@code area}. */
    public Truth notWithin(Place area) {
        return within(area).not();
    }
}
