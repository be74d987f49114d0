package io.clientele.platform.security;

/**
 * What a caller may do inside its workspace. Staff front ends carry OWNER or STAFF; partner booking
 * systems carry PARTNER.
 */
public enum Role {
    OWNER,
    STAFF,
    PARTNER;

    /** The Spring Security authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
