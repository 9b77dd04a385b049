package com.circoflows.adapters.wiring;

import com.circoflows.adapters.aws.AwsClients;
import com.circoflows.adapters.s3.S3LogoUploads;
import com.circoflows.domain.branding.upload.BrandingLogos;
import java.net.URI;

/**
 * Settings → Branding's logo uploads (ADR 0021): only the dashboard's settings function has them, so
 * the classes they need stay out of every other jar, and only this class names them.
 */
final class LogoWiring {
    private final Infrastructure infrastructure;

    LogoWiring(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    BrandingLogos brandingLogos() {
        S3LogoUploads uploads = new S3LogoUploads(infrastructure.required("LOGO_UPLOAD_BUCKET"),
                AwsClients.region(infrastructure.settings()).id(),
                infrastructure.settings().optional("AWS_ENDPOINT_URL_S3").map(URI::create).orElse(null),
                AwsClients.credentials(infrastructure.settings()), infrastructure.httpClient(), infrastructure.clock());
        return new BrandingLogos(uploads, infrastructure.brandingSettingsWithLogos(), infrastructure.clock());
    }
}
