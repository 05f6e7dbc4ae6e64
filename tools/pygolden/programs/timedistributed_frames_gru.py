from keras.models import Sequential, Model
from keras.layers import (Input, TimeDistributed, Conv2D, MaxPooling2D, Flatten,
                          GRU, Dense, Dropout, GlobalAveragePooling2D)

NBFRAME = 5
SIZE = (112, 112)
CHANNELS = 3


def build_convnet(shape=(112, 112, 3)):
    momentum = .9
    model = Sequential()
    model.add(Input(shape))
    model.add(Conv2D(64, (3, 3), padding='same', activation='relu'))
    model.add(Conv2D(64, (3, 3), padding='same', activation='relu'))
    model.add(MaxPooling2D())
    model.add(Conv2D(128, (3, 3), padding='same', activation='relu'))
    model.add(Conv2D(128, (3, 3), padding='same', activation='relu'))
    model.add(MaxPooling2D())
    model.add(GlobalAveragePooling2D())
    return model


def action_model(shape=(5, 112, 112, 3), nbout=3):
    convnet = build_convnet(shape[1:])
    model = Sequential()
    model.add(Input(shape))
    model.add(TimeDistributed(convnet))
    model.add(GRU(64))
    model.add(Dense(1024, activation='relu'))
    model.add(Dropout(.5))
    model.add(Dense(nbout, activation='softmax'))
    return model


INSHAPE = (NBFRAME,) + SIZE + (CHANNELS,)
print(INSHAPE)
model = action_model(INSHAPE, 5)
model.summary()

frames = Input((NBFRAME, 28, 28, 1))
y = TimeDistributed(Conv2D(8, 3))(frames)
y = TimeDistributed(MaxPooling2D(2))(y)
y = TimeDistributed(Flatten())(y)
y = GRU(16, return_sequences=True)(y)
print(y.shape)
