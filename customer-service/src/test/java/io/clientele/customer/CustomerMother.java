package io.clientele.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Readable test customers: {@code aCustomer().with("email", "x@y.cz")}. Each gets a unique e-mail. */
public final class CustomerMother {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CustomerMother() {
    }

    public static Map<String, Object> aCustomer() {
        int n = SEQUENCE.incrementAndGet();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("firstName", "Jana");
        customer.put("lastName", "Nováková");
        customer.put("email", "jana" + n + "@example.cz");
        customer.put("phone", "+420 777 " + String.format("%06d", n % 1_000_000));
        return customer;
    }

    public static Map<String, Object> named(String firstName, String lastName) {
        Map<String, Object> customer = aCustomer();
        customer.put("firstName", firstName);
        customer.put("lastName", lastName);
        return customer;
    }

    /** The same map with one more field (a copy; the original is left alone). */
    public static Map<String, Object> with(Map<String, Object> customer, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(customer);
        copy.put(field, value);
        return copy;
    }

    public static Map<String, Object> without(Map<String, Object> customer, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(customer);
        copy.remove(field);
        return copy;
    }
}
