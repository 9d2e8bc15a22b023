package dev.kafkaspool.testbroker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

/**
 * A client's produce quota on a running broker ({@code producer_byte_rate}): the broker throttles
 * a producer whose client id has one, so that it takes that client's records no faster than the
 * rate, counted in the bytes of the batches as they arrive (after the producer's compression).
 * Each call returns once the broker says the change is made, or throws.
 */
public final class ClientQuotas {

    private ClientQuotas() {
    }

    /** Limits what the client with {@code clientId} may produce, in bytes per second; null removes the limit. */
    public static void producerByteRate(String bootstrapServers, String clientId, Double bytesPerSecond) {
        ClientQuotaEntity client = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, clientId));
        ClientQuotaAlteration.Op op = new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond);
        try (Admin admin = BrokerClients.admin(bootstrapServers)) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(client, List.of(op)))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("setting the quota of " + clientId + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
