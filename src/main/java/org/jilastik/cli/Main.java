package org.jilastik.cli;

/** Entry point of the {@code jilastik} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("jilastik");
    }
}
