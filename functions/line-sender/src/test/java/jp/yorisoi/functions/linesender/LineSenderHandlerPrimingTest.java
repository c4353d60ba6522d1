package jp.yorisoi.functions.linesender;

import jp.yorisoi.aws.PrimingHookContract;

class LineSenderHandlerPrimingTest extends PrimingHookContract {

    @Override
    protected Class<?> handler() {
        return LineSenderHandler.class;
    }
}
