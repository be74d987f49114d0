package io.clientele.orderlink.orderpage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicPageHeadersTest {

    @Test
    void theTokenSegmentIsMaskedAndOtherPathsAreLeftAlone() {
        assertThat(PublicPageHeaders.mask("/q/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd")).isEqualTo("/q/***");
        assertThat(PublicPageHeaders.mask("/q/AbCd/orders/42")).isEqualTo("/q/***/orders/42");
        assertThat(PublicPageHeaders.mask("/q/assets/order-page.css")).isEqualTo("/q/assets/order-page.css");
        assertThat(PublicPageHeaders.mask("/api/v1/orders")).isEqualTo("/api/v1/orders");
    }
}
