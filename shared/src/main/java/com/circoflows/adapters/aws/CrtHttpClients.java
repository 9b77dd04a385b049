package com.circoflows.adapters.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The AWS CRT client, in a class of its own so that nothing loads AwsCrtHttpClient unless the
 * benchmark's variant asks for it (deployable jars do not contain it).
 */
final class CrtHttpClients {
    private CrtHttpClients() {
    }

    static SdkHttpClient create() {
        return AwsCrtHttpClient.create();
    }
}
