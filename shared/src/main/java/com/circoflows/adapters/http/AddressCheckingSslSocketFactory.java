package com.circoflows.adapters.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;

/**
 * The DNS-rebinding defence for https. The URL's host was checked when we resolved it, but
 * HttpsURLConnection resolves it again to connect, and the answer may have changed. So the check is
 * repeated on the address the TCP socket actually connected to, in the one hook HttpsURLConnection
 * offers between connect and TLS handshake: layering TLS over its connected plain socket.
 *
 * <p>Unconnected sockets are deliberately not offered (the inherited {@code createSocket()} throws
 * the "not implemented" SocketException), which makes HttpsURLConnection connect a plain socket
 * itself and then call {@link #createSocket(Socket, String, int, boolean)}.
 */
final class AddressCheckingSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory tls;
    private final OutboundAddressRule rule;
    private final Consumer<Socket> onConnected;

    /** @param onConnected sees every connected socket before the handshake, so a deadline can close it */
    AddressCheckingSslSocketFactory(SSLSocketFactory tls, OutboundAddressRule rule, Consumer<Socket> onConnected) {
        this.tls = tls;
        this.rule = rule;
        this.onConnected = onConnected;
    }

    @Override
    public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
        onConnected.accept(connected);
        try {
            rule.check(connected.getInetAddress());
        } catch (BlockedAddressException e) {
            connected.close();
            throw e;
        }
        return tls.createSocket(connected, host, port, autoClose);
    }

    /*
     * The variants below would connect by host name, skipping the check. HttpsURLConnection calls
     * createSocket(host, port) as a "last resort" when layering fails, i.e. right after we refused
     * an address, so they must fail rather than connect.
     */

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw notConnectingByName();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw notConnectingByName();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw notConnectingByName();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw notConnectingByName();
    }

    private static SocketException notConnectingByName() {
        return new SocketException("only TLS over an already connected, checked socket is supported");
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
