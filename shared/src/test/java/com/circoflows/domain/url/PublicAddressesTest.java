package com.circoflows.domain.url;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "0.1.2.3", // this network
        "127.0.0.1", "127.255.255.254", // loopback
        "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", // private
        "169.254.169.254", "169.254.0.1", // link-local, cloud metadata
        "100.64.0.1", "100.127.255.255", // carrier-grade NAT
        "192.0.0.1", // IETF protocol assignments
        "198.18.0.1", "198.19.255.255", // benchmarking
        "224.0.0.1", "239.255.255.250", // multicast
        "240.0.0.1", "255.255.255.255", // reserved, broadcast
        "::", "::1", // unspecified, loopback
        "fe80::1", // link-local
        "fc00::1", "fd00:ec2::254", // unique local, AWS metadata over IPv6
        "ff02::1", // multicast
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", // IPv4-mapped
    })
    void addressInsideSomeonesNetworkIsNotPublic(String literal) throws UnknownHostException {
        assertFalse(PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "8.8.8.8", "1.1.1.1", "93.184.216.34",
        "100.63.255.255", "100.128.0.1", // just outside carrier-grade NAT
        "172.15.255.255", "172.32.0.1", // just outside 172.16/12
        "192.0.1.1", "198.17.255.255", "198.20.0.1", "223.255.255.255",
        "2606:4700:4700::1111", "2001:4860:4860::8888",
        "::ffff:8.8.8.8",
        // IPv4-in-IPv6 forms carrying a public IPv4 address stay usable
        "::ffff:0:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2001:0:808:808:0:0:f7f7:f7f7",
        "2606:4700::5efe:808:808",
    })
    void addressOnTheInternetIsPublic(String literal) throws UnknownHostException {
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @FieldSource("com.circoflows.testing.EmbeddedIpv4#NON_PUBLIC")
    void ipv4InsideIpv6IsUnwrappedBeforeTheCheck(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        assertInstanceOf(Inet6Address.class, address, literal);
        assertFalse(PublicAddresses.isPublic(address), literal);
    }

    @Test
    void ipv4MappedAddressIsCheckedEvenWhenKeptAsIpv6() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
            (byte) 254};

        assertFalse(PublicAddresses.isPublic(Inet6Address.getByAddress(null, mapped, -1)));
    }
}
