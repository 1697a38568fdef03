package uk.gov.childrenshomes.publish.warehouse;

/** The warehouse could not be read or written: a system failure (exit 1), never a data problem. */
public class WarehouseException extends RuntimeException {

    public WarehouseException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
