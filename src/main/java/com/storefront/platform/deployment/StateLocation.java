package com.storefront.platform.deployment;

import com.storefront.platform.aws.ResourceNames;
import com.storefront.platform.config.EnvironmentConfig;

/**
 * Where one stack's state lives. The only place a state key is derived, so the backend that writes a
 * state and the remote-state reader that reads it can never disagree.
 *
 * @param bucket the environment's state bucket
 * @param region the bucket's region
 * @param key the object key, {@code storefront/<stack-id>.tfstate}
 */
public record StateLocation(String bucket, String region, String key) {

    public static StateLocation of(EnvironmentConfig environment, Layer layer) {
        return new StateLocation(environment.stateBackend().bucket(), environment.stateBackend().region(),
                ResourceNames.PROJECT + "/" + layer.stackId(environment) + ".tfstate");
    }
}
