package io.clientele.customer.customers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Every query names the workspace: a customer of another workspace is never found. */
interface CustomerRepository extends JpaRepository<Customer, UUID> {

    Optional<Customer> findByWorkspaceIdAndId(UUID workspaceId, UUID id);

    @Query(value = "SELECT * FROM customer WHERE workspace_id = :workspaceId AND email_key = lower(:email)",
            nativeQuery = true)
    Optional<Customer> findByEmail(UUID workspaceId, String email);

    @Query(value = "SELECT * FROM customer WHERE workspace_id = :workspaceId AND phone = :phone"
            + " ORDER BY created_at LIMIT 20", nativeQuery = true)
    List<Customer> findByPhone(UUID workspaceId, String phone);

    /** Not a revision of the record: leaves its version alone so a concurrent edit is not refused. */
    @Modifying
    @Query(value = "UPDATE customer SET last_note_preview = :preview, last_note_at = :at"
            + " WHERE workspace_id = :workspaceId AND id = :id", nativeQuery = true)
    int summariseLatestNote(UUID workspaceId, UUID id, String preview, java.time.Instant at);

    @Modifying
    @Query(value = "UPDATE customer SET subscription_state = :subscriptionState, muted = :muted,"
            + " preferences_version = :version WHERE workspace_id = :workspaceId AND id = :id"
            + " AND (preferences_version IS NULL OR preferences_version < :version)", nativeQuery = true)
    int mirrorPreferences(UUID workspaceId, UUID id, String subscriptionState, boolean muted, long version);

    @Query(value = "SELECT id FROM customer WHERE workspace_id = :workspaceId AND id IN (:ids)", nativeQuery = true)
    List<UUID> existing(UUID workspaceId, Collection<UUID> ids);

    @Modifying
    @Query(value = "UPDATE customer SET custom_fields = custom_fields - :key, version = version + 1"
            + " WHERE workspace_id = :workspaceId AND jsonb_exists(custom_fields, :key)", nativeQuery = true)
    int removeCustomField(UUID workspaceId, String key);
}

interface StatusChangeRepository extends JpaRepository<StatusChange, UUID> {

    List<StatusChange> findByWorkspaceIdAndCustomerIdOrderByChangedAtDesc(UUID workspaceId, UUID customerId);

    @Modifying
    @Query(value = "DELETE FROM customer_status_change WHERE workspace_id = :workspaceId AND customer_id IN (:ids)",
            nativeQuery = true)
    int forget(UUID workspaceId, Collection<UUID> ids);

    /** What imports did to the customers (their undo log), which goes with them. */
    @Modifying
    @Query(value = "DELETE FROM customer_import_change WHERE workspace_id = :workspaceId AND customer_id IN (:ids)",
            nativeQuery = true)
    int forgetImportChanges(UUID workspaceId, Collection<UUID> ids);
}

interface CustomerErasureRepository extends JpaRepository<CustomerErasure, UUID> {

    Optional<CustomerErasure> findByWorkspaceIdAndCustomerId(UUID workspaceId, UUID customerId);
}
