package io.clientele.platform.security;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller of a request: the workspace it acts in, who it is and what it may do.
 * Taken from the bearer token only; controllers declare it as a parameter and pass the workspace on,
 * so every query is scoped by a workspace that no request parameter can change.
 */
public record Actor(UUID workspaceId, String subject, Set<Role> roles) {

    public Actor {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
