package io.clientele.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the workspace and roles from a token, and rejects a token that lacks either: a token that
 * names no workspace must never reach a controller.
 */
public final class WorkspaceClaims implements OAuth2TokenValidator<Jwt> {

    private final String workspaceClaim;
    private final String rolesClaim;

    public WorkspaceClaims(TokenProperties properties) {
        this.workspaceClaim = properties.workspaceClaim();
        this.rolesClaim = properties.rolesClaim();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (workspaceOf(token).isEmpty()) {
            return failure("The token carries no valid workspace id in claim '" + workspaceClaim + "'");
        }
        if (rolesOf(token).isEmpty()) {
            return failure("The token carries no known role in claim '" + rolesClaim + "'");
        }
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return failure("The token carries no subject");
        }
        return OAuth2TokenValidatorResult.success();
    }

    public Actor actorOf(Jwt token) {
        UUID workspace = workspaceOf(token)
                .orElseThrow(() -> new IllegalStateException("token passed validation without a workspace"));
        return new Actor(workspace, token.getSubject(), rolesOf(token));
    }

    Optional<UUID> workspaceOf(Jwt token) {
        Object value = token.getClaims().get(workspaceClaim);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString()));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    Set<Role> rolesOf(Jwt token) {
        Object value = token.getClaims().get(rolesClaim);
        Collection<?> names = switch (value) {
            case Collection<?> collection -> collection;
            case String single -> List.of(single.split("[ ,]+"));
            case null, default -> List.of();
        };
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(name).trim())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
