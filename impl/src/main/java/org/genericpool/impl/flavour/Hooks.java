package org.genericpool.impl.flavour;

/**
 * Finds out which optional callbacks a manager implements, once per pool, so that the hot path
 * skips the ones left at their interface default (and, in the async flavour, the stage they
 * would return). Stateless.
 */
final class Hooks {

    private Hooks() {
    }

    /**
     * @return whether {@code manager}'s class overrides {@code iface}'s default method {@code name};
     *         true when that cannot be told
     */
    static boolean overrides(Object manager, Class<?> iface, String name, Class<?>... params) {
        try {
            return manager.getClass().getMethod(name, params).getDeclaringClass() != iface;
        } catch (NoSuchMethodException | SecurityException e) {
            return true;
        }
    }
}
