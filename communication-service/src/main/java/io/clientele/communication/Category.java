package io.clientele.communication;

/**
 * TRANSACTIONAL messages (booking confirmations, reminders) go to every customer who is not muted;
 * MARKETING ones only to subscribed customers, outside quiet hours and within the frequency cap.
 */
public enum Category {
    TRANSACTIONAL,
    MARKETING
}
