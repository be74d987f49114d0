package io.clientele.customer.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address; every part optional. */
@Embeddable
public record Address(
        @Column(name = "street") String street,
        @Column(name = "city") String city,
        @Column(name = "postal_code") String postalCode,
        @Column(name = "country") String country) {

    static final Address NONE = new Address(null, null, null, null);

    boolean isEmpty() {
        return street == null && city == null && postalCode == null && country == null;
    }
}
