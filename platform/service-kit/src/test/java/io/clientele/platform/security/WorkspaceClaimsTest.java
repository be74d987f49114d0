package io.clientele.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class WorkspaceClaimsTest {

    WorkspaceClaims claims = new WorkspaceClaims(new TokenProperties(null, null, null, null, null, null, null, null, null));

    @Test
    void readsWorkspaceAndRolesCaseInsensitively() {
        UUID workspace = UUID.randomUUID();
        Jwt token = token(Map.of("workspace_id", workspace.toString(), "roles", List.of("owner", "STAFF", "janitor")));

        assertThat(claims.validate(token).hasErrors()).isFalse();
        assertThat(claims.actorOf(token)).isEqualTo(new Actor(workspace, "ana", java.util.Set.of(Role.OWNER, Role.STAFF)));
    }

    @Test
    void acceptsRolesAsASpaceSeparatedString() {
        Jwt token = token(Map.of("workspace_id", UUID.randomUUID().toString(), "roles", "PARTNER"));

        assertThat(claims.actorOf(token).roles()).containsExactly(Role.PARTNER);
    }

    @Test
    void rejectsAWorkspaceThatIsNotAUuid() {
        Jwt token = token(Map.of("workspace_id", "acme", "roles", List.of("STAFF")));

        assertThat(claims.validate(token).hasErrors()).isTrue();
    }

    @Test
    void rejectsATokenWithoutRoles() {
        Jwt token = token(Map.of("workspace_id", UUID.randomUUID().toString()));

        assertThat(claims.validate(token).hasErrors()).isTrue();
    }

    @Test
    void honoursConfiguredClaimNames() {
        WorkspaceClaims custom = new WorkspaceClaims(new TokenProperties(null, null, null, null, "tenant", "groups", null, null, null));
        UUID workspace = UUID.randomUUID();

        Jwt token = token(Map.of("tenant", workspace.toString(), "groups", List.of("STAFF")));

        assertThat(custom.actorOf(token).workspaceId()).isEqualTo(workspace);
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "HS256").subject("ana")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
