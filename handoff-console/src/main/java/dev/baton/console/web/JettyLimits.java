package dev.baton.console.web;

import io.javalin.config.JavalinConfig;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty's limits against slow and many connections, set through Javalin's Jetty config:
 *
 * <ul>
 *   <li>an idle timeout on the connection ({@link #CONNECTION_IDLE_MS}): a request whose headers stop
 *       coming, or a kept-alive connection nobody uses, is closed; longer than the live queue's
 *       keep-alive, so event streams stay open;</li>
 *   <li>a timeout on blocking reads and writes ({@link #BLOCKING_IDLE_MS}): a body that stops coming
 *       frees its thread;</li>
 *   <li>at most {@link #MAX_CONNECTIONS} connections in all (Jetty stops accepting above), and at most
 *       {@link #MAX_PER_ADDRESS} from one address (more are closed at once), so one client cannot take
 *       every thread; a trusted proxy is not capped by address.</li>
 * </ul>
 */
public final class JettyLimits {

    public static final long CONNECTION_IDLE_MS = 20_000;
    public static final long BLOCKING_IDLE_MS = 10_000;
    public static final int MAX_CONNECTIONS = 1_000;
    public static final int MAX_PER_ADDRESS = 50;

    private JettyLimits() {
    }

    /** Serves on {@code host:port} through a connector with these limits. */
    public static void apply(JavalinConfig config, String host, int port, TrustedProxies proxies) {
        config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(BLOCKING_IDLE_MS));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(CONNECTION_IDLE_MS);
            connector.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
            connector.addEventListener(new PerAddress(MAX_PER_ADDRESS, proxies));
            return connector;
        });
    }

    /** Closes a new connection when its address already has {@code max} open. */
    static final class PerAddress implements Connection.Listener {
        private final int max;
        private final TrustedProxies proxies;
        private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
        private final Set<Connection> counted = ConcurrentHashMap.newKeySet();

        PerAddress(int max, TrustedProxies proxies) {
            this.max = max;
            this.proxies = proxies;
        }

        @Override
        public void onOpened(Connection connection) {
            String address = addressOf(connection.getEndPoint().getRemoteSocketAddress());
            if (address == null || proxies.trusts(address)) {
                return;
            }
            AtomicInteger count = open.computeIfAbsent(address, a -> new AtomicInteger());
            counted.add(connection);
            if (count.incrementAndGet() > max) {
                connection.getEndPoint().close();
            }
        }

        @Override
        public void onClosed(Connection connection) {
            if (!counted.remove(connection)) {
                return;
            }
            String address = addressOf(connection.getEndPoint().getRemoteSocketAddress());
            if (address == null) {
                return;
            }
            open.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }

        private static String addressOf(SocketAddress remote) {
            return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                    ? inet.getAddress().getHostAddress() : null;
        }
    }
}
