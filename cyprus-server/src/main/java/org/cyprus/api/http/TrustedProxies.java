package org.cyprus.api.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Believes {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} (and {@code Forwarded}, RFC 7239) only from the
 * reverse proxies configured: from anyone else those headers are ignored, so a client cannot claim another address
 * (defeating per-address sign-in throttling) or claim HTTPS.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {
    private final List<Range> ranges;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    private record Range(BigInteger network, int bits, int addressBits) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length * 8 != addressBits) {
                return false;
            }
            BigInteger value = new BigInteger(1, bytes);
            return value.shiftRight(addressBits - bits).equals(network.shiftRight(addressBits - bits));
        }
    }

    TrustedProxies(List<String> proxies) {
        this.ranges = proxies.stream().map(TrustedProxies::parse).toList();
    }

    private static Range parse(String proxy) {
        String[] parts = proxy.split("/", 2);
        try {
            InetAddress address = InetAddress.ofLiteral(parts[0]);
            int addressBits = address.getAddress().length * 8;
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : addressBits;
            if (bits < 0 || bits > addressBits) {
                throw new IllegalArgumentException("prefix length out of range in " + proxy);
            }
            return new Range(new BigInteger(1, address.getAddress()), bits, addressBits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + proxy, e);
        }
    }

    boolean trusts(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress remote
                && remote.getAddress() != null && trusts(remote.getAddress())) {
            return forwarded.customize(request, responseHeaders);
        }
        return request;
    }

}
