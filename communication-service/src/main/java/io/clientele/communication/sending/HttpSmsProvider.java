package io.clientele.communication.sending;

import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * An SMS provider's HTTP API: {@code POST <url>/messages} with a bearer API key and an
 * {@code Idempotency-Key} header, a JSON body {@code {to, from, text, reference}}, and a 2xx answer
 * carrying the provider's {@code id}. 4xx means this message is refused (except 408 and 429: try again);
 * 5xx, 408, 429 and network failures mean the provider is unavailable, which the circuit breaker counts.
 */
class HttpSmsProvider implements SmsProvider {

    private final RestClient client;

    HttpSmsProvider(SmsProperties properties) {
        // HTTP/1.1: an h2c upgrade attempt on a plain http:// provider URL is refused by some servers.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        RestClient.Builder builder = RestClient.builder().baseUrl(properties.url().toString()).requestFactory(requests);
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.defaultHeader("Authorization", "Bearer " + properties.apiKey());
        }
        this.client = builder.build();
    }

    @Override
    public String name() {
        return "sms-http";
    }

    @Override
    public String send(Sms sms) throws SmsRefused, ProviderResilience.ProviderUnavailable {
        try {
            Map<?, ?> answer = client.post().uri("/messages")
                    .header("Idempotency-Key", sms.idempotencyKey())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("to", sms.to(), "from", sms.from(), "text", sms.text(), "reference", sms.idempotencyKey()))
                    .retrieve()
                    .body(Map.class);
            Object id = answer == null ? null : answer.get("id");
            return id == null ? null : id.toString();
        } catch (RestClientResponseException answered) {
            HttpStatusCode status = answered.getStatusCode();
            String detail = status.value() + " " + abbreviate(answered.getResponseBodyAsString());
            if (status.is4xxClientError() && status.value() != 408 && status.value() != 429) {
                throw new SmsRefused("the SMS provider refused it: " + detail);
            }
            throw new ProviderResilience.ProviderUnavailable("the SMS provider answered " + detail, answered);
        } catch (ResourceAccessException unreachable) {
            throw new ProviderResilience.ProviderUnavailable("the SMS provider could not be reached: "
                    + unreachable.getMostSpecificCause().getMessage(), unreachable);
        } catch (RestClientException unreadable) {
            // A 2xx whose body is not what the API promises: it has the message.
            return null;
        }
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
