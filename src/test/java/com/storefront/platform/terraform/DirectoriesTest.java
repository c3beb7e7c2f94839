package com.storefront.platform.terraform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recursive delete the review and its tests clean up with ({@code terraform} package). It is tested here,
 * beside its callers, until the terraform package's tests are open to change again.
 */
class DirectoriesTest {

    @TempDir
    Path temporary;

    @Test
    void deletesADirectoryWithEverythingInIt() throws IOException {
        Path stack = temporary.resolve("stack");
        Files.createDirectories(stack.resolve(".terraform/modules"));
        Files.writeString(stack.resolve("cdk.tf.json"), "{}");
        Files.writeString(stack.resolve(".terraform/modules/modules.json"), "{}");

        Directories.deleteRecursively(stack);

        assertFalse(Files.exists(stack), () -> stack + " is still there");
    }

    @Test
    void deletesALinkToTheProviderMirrorWithoutTouchingTheMirror() throws IOException {
        Path mirror = Files.createDirectories(temporary.resolve("mirror/registry.terraform.io/hashicorp/aws"));
        Path provider = Files.writeString(mirror.resolve("terraform-provider-aws"), "binary");
        Path stack = Files.createDirectories(temporary.resolve("stack/.terraform/providers/registry.terraform.io/hashicorp"));
        Files.createSymbolicLink(stack.resolve("aws"), mirror);

        Directories.deleteRecursively(temporary.resolve("stack"));

        assertFalse(Files.exists(temporary.resolve("stack")), "the stack is still there");
        assertTrue(Files.isRegularFile(provider), () -> "the delete followed the link and removed " + provider);
    }

    @Test
    void doesNothingWhenTheDirectoryIsNotThere() {
        Path missing = temporary.resolve("never-created");

        Directories.deleteRecursively(missing);

        assertFalse(Files.exists(missing), () -> missing + " appeared");
        assertTrue(Files.isDirectory(temporary), () -> "the parent " + temporary + " was deleted");
    }
}
